module github.com/ef8f9424/pii/piizerolog

go 1.26

require (
	github.com/ef8f9424/pii v0.0.0
	github.com/google/go-cmp v0.7.0
	github.com/rs/zerolog v1.33.0
)

require (
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.19 // indirect
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	golang.org/x/sys v0.12.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)

replace github.com/ef8f9424/pii => ../
