;; `neg`: unary minus.
;;! function neg
;;! | LET $x = 1
;;! | RESULT -$x
(func $neg (param i32 i64 i32) (result i32 i64)
  local.get 0
  i32.const 1
  i32.eq
  if ;; label = @1
    local.get 1
    i64.const -9223372036854775808
    i64.eq
    if ;; label = @2
      i32.const 202
      local.get 2
      i32.const 20
      local.get 0
      local.get 1
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    i32.const 1
    i64.const 0
    local.get 1
    i64.sub
    return
  end
  local.get 0
  i32.const 2
  i32.eq
  if ;; label = @1
    local.get 1
    i64.const 4890909195324358656
    i64.eq
    if ;; label = @2
      i32.const 1
      i64.const -9223372036854775808
      return
    end
    i32.const 2
    local.get 1
    f64.reinterpret_i64
    f64.neg
    i64.reinterpret_f64
    return
  end
  i32.const 203
  local.get 2
  i32.const 20
  local.get 0
  local.get 1
  i32.const 0
  i64.const 0
  call $fail
  unreachable
)
