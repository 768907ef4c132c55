module github.com/ef8f9424/pii/piivet

go 1.26.0

require (
	github.com/ef8f9424/pii v0.0.0
	github.com/golangci/plugin-module-register v0.1.2
	github.com/google/go-cmp v0.7.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)

replace github.com/ef8f9424/pii => ../
