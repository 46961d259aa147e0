;; `binary:add`: Symbol concatenation, checked Int addition, or Floats (also `sub` and
;; `mul`).
;;! function binary:add
;;! | RESULT 1 + 2
(func $binary:add (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i64)
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.and
  if ;; label = @1
    i32.const 3
    local.get 1
    i32.wrap_i64
    local.get 3
    i32.wrap_i64
    i32.const 0
    i32.const 0
    call $concat
    i64.extend_i32_u
    return
  end
  local.get 0
  i32.const 1
  i32.eq
  local.get 2
  i32.const 1
  i32.eq
  i32.and
  if ;; label = @1
    local.get 1
    local.get 3
    i64.add
    local.set 5
    local.get 1
    local.get 5
    i64.xor
    local.get 3
    local.get 5
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if ;; label = @2
      i32.const 202
      local.get 4
      i32.const 9
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call $fail
      unreachable
    end
    i32.const 1
    local.get 5
    return
  end
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.or
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 9
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 1
  f64.reinterpret_i64
  local.get 1
  f64.convert_i64_s
  local.get 0
  i32.const 2
  i32.eq
  select
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  f64.add
  local.get 4
  i32.const 9
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
  unreachable
)
