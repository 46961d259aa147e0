;; A rule's initial plan: a full scan, the emit batch (`queue`, then `flush` at the
;; end).
;;! function rule0:path:initial
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $rule0:path:initial (param i32 i32 i32 i32)
  (local i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i64 i32 i64)
  i32.const 112
  i32.const 0
  i32.store
  i32.const 0
  local.set 8
  i32.const 1280
  i32.load offset=32
  local.set 9
  block ;; label = @1
    loop ;; label = @2
      local.get 8
      local.get 9
      i32.ge_u
      br_if 1 (;@1;)
      local.get 8
      local.set 11
      global.get 1
      i64.const 1
      i64.add
      global.set 1
      global.get 1
      global.get 2
      i64.gt_u
      if ;; label = @3
        i32.const 401
        i32.const 9
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
      i32.const 1280
      i32.load
      local.get 11
      i32.const 32
      i32.mul
      i32.add
      local.set 12
      local.get 12
      i32.load
      local.set 4
      local.get 12
      i64.load offset=8
      local.set 5
      local.get 12
      i32.load offset=16
      local.set 6
      local.get 12
      i64.load offset=24
      local.set 7
      local.get 4
      local.get 5
      local.set 14
      local.set 13
      local.get 6
      local.get 7
      local.set 16
      local.set 15
      i32.const 0
      local.get 13
      i32.store offset=80
      i32.const 0
      local.get 14
      i64.store offset=88
      i32.const 0
      local.get 15
      i32.store offset=96
      i32.const 0
      local.get 16
      i64.store offset=104
      i32.const 1344
      i32.const 10
      i32.const 0
      i32.const 0
      call $queue/2
      local.get 8
      i32.const 1
      i32.add
      local.set 8
      br 0 (;@2;)
    end
  end
  i32.const 1344
  i32.const 0
  i32.const 0
  i32.const 0
  call $flush/2
)
