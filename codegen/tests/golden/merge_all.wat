;; `merge_all`: every relation merged at the end of a round.
;;! function merge_all
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $merge_all (param i32 i32 i32 i32) (result i32)
  (local i32)
  i32.const 1280
  i32.const 0
  i32.const 0
  i32.const 0
  call $merge
  local.get 4
  i32.or
  local.set 4
  i32.const 1344
  i32.const 0
  i32.const 0
  i32.const 0
  call $merge
  local.get 4
  i32.or
  local.set 4
  i64.const 0
  global.set 4
  local.get 4
)
