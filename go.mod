module github.com/ef8f9424/pii

go 1.26

require (
	github.com/google/go-cmp v0.7.0
	github.com/nyaruka/phonenumbers v1.8.1
	golang.org/x/text v0.31.0
)

require google.golang.org/protobuf v1.36.11 // indirect
