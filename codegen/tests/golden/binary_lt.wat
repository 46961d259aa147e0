;; `binary:lt`: ordering through `order`.
;;! function binary:lt
;;! function order
;;! | RESULT 1 < 2
(func $binary:lt (param i32 i64 i32 i64 i32) (result i32 i64)
  i32.const 1
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  local.get 4
  i32.const 5
  call $order
  i32.const 0
  i32.lt_s
  i64.extend_i32_u
)
(func $order (param i32 i64 i32 i64 i32 i32) (result i32)
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.and
  if ;; label = @1
    local.get 1
    i32.wrap_i64
    local.get 3
    i32.wrap_i64
    i32.const 0
    i32.const 0
    call $text_cmp
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
    local.get 5
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  i32.const 0
  i32.const 0
  call $cmp_num
)
