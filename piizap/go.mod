module github.com/ef8f9424/pii/piizap

go 1.26

require (
	github.com/ef8f9424/pii v0.0.0
	github.com/google/go-cmp v0.7.0
	go.uber.org/zap v1.27.0
)

require (
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)

replace github.com/ef8f9424/pii => ../
