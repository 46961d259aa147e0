;; `run`: the top-level statements in order (FACT, LET, SOLVE, QUERY, RESULT), after
;; copying the static area and setting the limits and the Symbol table.
;;! function run
;;! | REL e
;;! | REL t
;;! | FACT e 1 2
;;! | LET $g = 3
;;! | RULE t: SCAN e, EMIT t $0 $1
;;! | SOLVE
;;! | QUERY t 1 ?
;;! | RESULT $g + 1
(func $run (param i64 i64 i32 i32) (result i32)
  (local i32 i64 i32 i64 i32 i64 i32 i64)
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
  i64.const 1
  local.set 5
  local.set 4
  i32.const 1
  i64.const 2
  local.set 7
  local.set 6
  i32.const 0
  local.get 4
  i32.store offset=80
  i32.const 0
  local.get 5
  i64.store offset=88
  i32.const 0
  local.get 6
  i32.store offset=96
  i32.const 0
  local.get 7
  i64.store offset=104
  i32.const 1280
  i32.const 1
  i32.const 0
  i32.const 0
  call $fact/2
  i32.const 2
  global.set 18
  i32.const 1
  i64.const 3
  global.set 20
  global.set 19
  i32.const 3
  global.set 18
  i32.const 1
  i32.const 0
  i32.const 0
  i32.const 0
  call $solve
  i32.const 4
  global.set 18
  i32.const 1
  i64.const 1
  local.set 9
  local.set 8
  i32.const 0
  local.get 8
  i32.store offset=80
  i32.const 0
  local.get 9
  i64.store offset=88
  i32.const 0
  i32.const 0
  i32.store offset=96
  i32.const 0
  i64.const 0
  i64.store offset=104
  i32.const 1344
  i32.const 1
  i32.const 0
  i32.const 0
  call $out_query
  i32.const 5
  global.set 18
  global.get 19
  i32.eqz
  if ;; label = @1
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
  local.set 11
  local.set 10
  local.get 10
  local.get 11
  i32.const 1
  i64.const 1
  i32.const 7
  call $binary:add
  local.set 11
  local.set 10
  local.get 10
  local.get 11
  call $out_result
  i32.const 0
)
