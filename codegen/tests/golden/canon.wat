;; `canon`: a Float result in canonical form (an Int when integral; E205 when not
;; finite).
;;! function canon
;;! | RESULT 1.5 + 1
(func $canon (param f64 i32 i32 i32 i64 i32 i64) (result i32 i64)
  local.get 0
  local.get 0
  f64.sub
  f64.const 0x0p+0 (;=0;)
  f64.ne
  if ;; label = @1
    i32.const 205
    local.get 1
    local.get 2
    local.get 3
    local.get 4
    local.get 5
    local.get 6
    call $fail
    unreachable
  end
  local.get 0
  f64.trunc
  local.get 0
  f64.eq
  local.get 0
  f64.const -0x1p+63 (;=-9223372036854776000;)
  f64.ge
  i32.and
  local.get 0
  f64.const 0x1p+63 (;=9223372036854776000;)
  f64.lt
  i32.and
  if ;; label = @1
    i32.const 1
    local.get 0
    i64.trunc_sat_f64_s
    return
  end
  i32.const 2
  local.get 0
  i64.reinterpret_f64
)
