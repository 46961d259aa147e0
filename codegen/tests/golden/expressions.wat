;; Expressions: AND/OR short-circuit inline, NOT, unary minus, a global's assignment
;; check, operators and built-ins through helpers.
;;! function run
;;! | LET $x = 2
;;! | RESULT NOT ($x > 1 AND $x < 3 OR -$x == 0)
;;! | RESULT MAX($x, 1)
(func $run (param i64 i64 i32 i32) (result i32)
  (local i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32)
  i32.const 80
  i32.const 0
  global.get 0
  i32.const 80
  i32.sub
  memory.init 0
  data.drop 0
  local.get 0
  global.set 2
  local.get 1
  global.set 5
  local.get 2
  global.set 8
  local.get 3
  global.set 9
  i32.const 0
  i32.const 0
  i32.const 0
  i32.const 0
  call $sym_init
  i32.const 0
  global.set 18
  i32.const 1
  i64.const 2
  global.set 20
  global.set 19
  i32.const 1
  global.set 18
  global.get 19
  i32.eqz
  if ;; label = @1
    i32.const 208
    i32.const 2
    i32.const 24
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  global.get 19
  global.get 20
  local.set 5
  local.set 4
  local.get 4
  local.get 5
  i32.const 1
  i64.const 1
  i32.const 3
  call $binary:gt
  local.set 5
  local.set 4
  local.get 4
  local.get 5
  local.set 7
  local.set 6
  local.get 6
  local.get 7
  local.set 9
  local.set 8
  local.get 8
  i32.const 1
  i32.ne
  local.get 9
  i64.const 0
  i64.ne
  i32.or
  i32.eqz
  if ;; label = @1
    i64.const 0
    local.set 7
  else
    global.get 19
    i32.eqz
    if ;; label = @2
      i32.const 208
      i32.const 4
      i32.const 24
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    global.get 19
    global.get 20
    local.set 11
    local.set 10
    local.get 10
    local.get 11
    i32.const 1
    i64.const 3
    i32.const 5
    call $binary:lt
    local.set 11
    local.set 10
    local.get 10
    local.get 11
    local.set 13
    local.set 12
    local.get 12
    i32.const 1
    i32.ne
    local.get 13
    i64.const 0
    i64.ne
    i32.or
    i64.extend_i32_u
    local.set 7
  end
  i32.const 1
  local.set 6
  local.get 6
  local.get 7
  local.set 15
  local.set 14
  local.get 14
  local.get 15
  local.set 17
  local.set 16
  local.get 16
  i32.const 1
  i32.ne
  local.get 17
  i64.const 0
  i64.ne
  i32.or
  if ;; label = @1
    i64.const 1
    local.set 15
  else
    global.get 19
    i32.eqz
    if ;; label = @2
      i32.const 208
      i32.const 6
      i32.const 24
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call $fail
      unreachable
    end
    global.get 19
    global.get 20
    i32.const 7
    call $neg
    local.set 19
    local.set 18
    local.get 18
    local.get 19
    i32.const 1
    i64.const 0
    i32.const 8
    call $binary:eq
    local.set 19
    local.set 18
    local.get 18
    local.get 19
    local.set 21
    local.set 20
    local.get 20
    i32.const 1
    i32.ne
    local.get 21
    i64.const 0
    i64.ne
    i32.or
    i64.extend_i32_u
    local.set 15
  end
  i32.const 1
  local.set 14
  local.get 14
  local.get 15
  local.set 23
  local.set 22
  local.get 22
  i32.const 1
  i32.ne
  local.get 23
  i64.const 0
  i64.ne
  i32.or
  i32.eqz
  local.set 24
  i32.const 1
  local.get 24
  i64.extend_i32_u
  call $out_result
  i32.const 9
  global.set 18
  global.get 19
  i32.eqz
  if ;; label = @1
    i32.const 208
    i32.const 10
    i32.const 24
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  global.get 19
  global.get 20
  i32.const 1
  i64.const 1
  i32.const 11
  call $builtin:max
  call $out_result
  i32.const 0
)
