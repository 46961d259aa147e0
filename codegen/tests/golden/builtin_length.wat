;; `builtin:length`: UTF-8 characters of a Symbol.
;;! function builtin:length
;;! | RESULT LENGTH("ab")
(func $builtin:length (param i32 i64 i32) (result i32 i64)
  (local i32 i32 i32 i32)
  local.get 0
  i32.const 3
  i32.ne
  if ;; label = @1
    i32.const 203
    local.get 2
    i32.const 49
    local.get 0
    local.get 1
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 1
  i32.wrap_i64
  local.set 3
  global.get 13
  local.get 3
  i32.const 8
  i32.mul
  i32.add
  local.tee 3
  i32.load offset=4
  local.set 4
  local.get 3
  i32.load
  local.set 3
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 6
      local.get 3
      local.get 5
      i32.add
      i32.load8_u
      i32.const 192
      i32.and
      i32.const 128
      i32.ne
      i32.add
      local.set 6
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 1
  local.get 6
  i64.extend_i32_u
)
