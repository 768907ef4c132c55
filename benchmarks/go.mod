module github.com/ef8f9424/pii/benchmarks

go 1.26

replace github.com/ef8f9424/pii => ../

require (
	github.com/aliengiraffe/deidentify v1.0.4
	github.com/ef8f9424/pii v0.0.0-00010101000000-000000000000
	github.com/ggwhite/go-masker/v2 v2.1.0
	github.com/m-mizutani/masq v0.2.1
	github.com/showa-93/go-mask v0.6.2
)

require (
	github.com/google/go-cmp v0.7.0
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	golang.org/x/text v0.31.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)
