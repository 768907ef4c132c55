package phonetab_test

import (
	"fmt"

	"github.com/ef8f9424/pii/internal/phonetab"
)

func ExampleValid() {
	fmt.Println(phonetab.Valid("US", "2015550123"))
	fmt.Println(phonetab.Valid("US", "6135550123")) // a Canadian number
	fmt.Println(phonetab.Valid("GB", "7400123456"))
	// Output:
	// true
	// false
	// true
}

func ExampleValidNumber() {
	fmt.Println(phonetab.ValidNumber(1, "6135550123"))
	fmt.Println(phonetab.ValidNumber(44, "7624123456"))
	fmt.Println(phonetab.ValidNumber(800, "12345678"))
	fmt.Println(phonetab.ValidNumber(1, "1235550123"))
	// Output:
	// CA true
	// IM true
	// 001 true
	//  false
}

func ExamplePossible() {
	fmt.Println(phonetab.Possible("DE", "30123"))
	fmt.Println(phonetab.Possible("DE", "3"))
	// Output:
	// true
	// false
}
