module github.com/ef8f9424/pii/piilogrus

go 1.26

require (
	github.com/ef8f9424/pii v0.0.0
	github.com/google/go-cmp v0.7.0
	github.com/sirupsen/logrus v1.9.3
)

require (
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
	golang.org/x/text v0.31.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)

replace github.com/ef8f9424/pii => ../
