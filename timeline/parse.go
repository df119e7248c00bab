package timeline

import "fmt"

// Themes and Scales in the order their names are offered ("auto", "light",
// "dark"; "time", "step"): the first is the zero value.
var (
	Themes = []Theme{ThemeAuto, ThemeLight, ThemeDark}
	Scales = []Scale{ScaleTime, ScaleStep}
)

// String returns the theme's name: "auto", "light" or "dark".
func (t Theme) String() string {
	switch t {
	case ThemeLight:
		return "light"
	case ThemeDark:
		return "dark"
	}
	return "auto"
}

// ParseTheme reads a theme's name ("auto", "light" or "dark"), as URLs and
// `lanes svg -theme` write it.
func ParseTheme(s string) (Theme, error) {
	for _, t := range Themes {
		if t.String() == s {
			return t, nil
		}
	}
	return ThemeAuto, fmt.Errorf("unknown theme %q (want light, dark or auto)", s)
}

// ParseScale reads a scale's name ("time" or "step"), as URLs and
// `lanes svg -scale` write it.
func ParseScale(s string) (Scale, error) {
	for _, sc := range Scales {
		if sc.String() == s {
			return sc, nil
		}
	}
	return ScaleTime, fmt.Errorf("unknown scale %q (want time or step)", s)
}
