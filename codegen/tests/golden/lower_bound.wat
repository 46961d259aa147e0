;; `lower_bound`: binary search in a row list.
;;! function lower_bound
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, LET $k = $1, JOIN path $k, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $lower_bound (param i32 i32 i32 i32) (result i32)
  (local i32 i32)
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 1
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      local.get 1
      i32.add
      i32.const 1
      i32.shr_u
      local.tee 5
      i32.const 1
      i32.add
      local.get 4
      local.get 0
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 2
      i32.lt_u
      select
      local.set 4
      local.get 1
      local.get 5
      local.get 0
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 2
      i32.lt_u
      select
      local.set 1
      br 0 (;@2;)
    end
  end
  local.get 4
)
