;; `index_catch_up`: files the rows made visible since.
;;! function index_catch_up
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $index_catch_up (param i32 i32 i32 i32)
  (local i32 i32 i32)
  local.get 0
  i32.load offset=20
  local.set 4
  local.get 0
  i32.load offset=24
  local.set 5
  local.get 4
  i32.load offset=32
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 6
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 4
      local.get 5
      i32.const 0
      call $index_add
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  local.get 0
  local.get 6
  i32.store offset=24
)
