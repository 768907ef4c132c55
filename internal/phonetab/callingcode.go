package phonetab

// SplitCallingCode splits an international number, written as digits only
// (no "+", no international prefix), into its calling code and the digits
// after it, as phonenumbers does when it parses "+" followed by digits: the
// calling code is the shortest prefix of one to three digits that is a
// calling code. It returns 0 and "" when no prefix is one. What follows the
// code can still hold a national prefix ("+44 0...") that phonenumbers.Parse
// would strip before it checks the number.
func SplitCallingCode(digits string) (code int, rest string) {
	for i := 0; i < len(digits) && i < 3; i++ {
		d := digits[i] - '0'
		if d > 9 || i == 0 && d == 0 {
			return 0, ""
		}
		code = code*10 + int(d)
		if sp := codes[code]; sp.from != sp.to {
			return code, digits[i+1:]
		}
	}
	return 0, ""
}
