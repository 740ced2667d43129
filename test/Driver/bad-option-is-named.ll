; A bad option or value is an error that names the option, from every origin.
; RUN: not %opt_escape -passes=escape -escape-max-object-size=abc -disable-output %s 2>&1 | FileCheck --check-prefix=CL %s
; RUN: not %opt_escape -passes=escape -escape-mode=fast -disable-output %s 2>&1 | FileCheck --check-prefix=CLMODE %s
; RUN: not %opt_escape -passes='escape<max-frame-size=big>' -disable-output %s 2>&1 | FileCheck --check-prefix=PARAM %s
; RUN: not %opt_escape -passes='escape<no-such-option=1>' -disable-output %s 2>&1 | FileCheck --check-prefix=UNKNOWN %s
; RUN: env ESCAPE_OPTIONS="dynamic-stack-size=-3" not %opt_escape -passes=escape -disable-output %s 2>&1 | FileCheck --check-prefix=ENV %s
; RUN: env ESCAPE_OPTIONS="transform=maybe" not %opt_escape -passes=escape -disable-output %s 2>&1 | FileCheck --check-prefix=ENVBOOL %s
; RUN: env ESCAPE_OPTIONS="mode=exact" not %opt_escape -passes=escape -disable-output %s 2>&1 | FileCheck --check-prefix=ENVMODE %s
; RUN: not %opt_escape -passes='escape<runtime=sometimes>' -disable-output %s 2>&1 | FileCheck --check-prefix=RUNTIME %s
; RUN: not %opt_escape -passes='escape<max-version-size=small>' -disable-output %s 2>&1 | FileCheck --check-prefix=VERSION %s

; CL: for the --escape-max-object-size option: 'abc' value invalid
; CLMODE: for the --escape-mode option: Cannot find option named 'fast'
; PARAM: escape: invalid value 'big' for option 'max-frame-size' in escape<...>: expected a number of bytes
; UNKNOWN: escape: unknown option 'no-such-option' in escape<...>
; ENV: escape: invalid value '-3' for option 'dynamic-stack-size' in ESCAPE_OPTIONS: expected a number of bytes
; ENVBOOL: escape: invalid value 'maybe' for option 'transform' in ESCAPE_OPTIONS: expected true or false
; ENVMODE: escape: invalid value 'exact' for option 'mode' in ESCAPE_OPTIONS: expected go or precise
; RUNTIME: escape: invalid value 'sometimes' for option 'runtime' in escape<...>: expected true or false
; VERSION: escape: invalid value 'small' for option 'max-version-size' in escape<...>: expected a number of instructions

define void @f() {
  ret void
}
