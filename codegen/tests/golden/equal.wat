;; `equal`: n values equal.
;;! function equal
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $equal (param i32 i32 i32 i32 i32) (result i32)
  (local i32 i32 i32)
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 1
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 5
      local.get 1
      select
      i32.const 16
      i32.mul
      i32.add
      local.set 6
      local.get 2
      local.get 3
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 5
      local.get 3
      select
      i32.const 16
      i32.mul
      i32.add
      local.set 7
      local.get 6
      i32.load
      local.get 7
      i32.load
      i32.ne
      local.get 6
      i64.load offset=8
      local.get 7
      i64.load offset=8
      i64.ne
      i32.or
      if ;; label = @3
        i32.const 0
        return
      end
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 1
)
