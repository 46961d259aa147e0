;; `binary:eq`: equality (numbers by value).
;;! function binary:eq
;;! | RESULT 1 == 1.0
(func $binary:eq (param i32 i64 i32 i64 i32) (result i32 i64)
  i32.const 1
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.or
  if (result i32) ;; label = @1
    local.get 0
    local.get 2
    i32.eq
    local.get 1
    local.get 3
    i64.eq
    i32.and
  else
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    i32.const 0
    i32.const 0
    call $cmp_num
    i32.eqz
  end
  i64.extend_i32_u
)
