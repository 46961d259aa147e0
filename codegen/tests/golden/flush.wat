;; `flush/2`: the batch's lookups, loads first.
;;! function flush/2
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $flush/2 (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32)
  i32.const 112
  i32.load
  local.set 4
  i32.const 112
  i32.const 0
  i32.store
  local.get 0
  i32.load offset=16
  i32.const 1
  i32.sub
  local.set 6
  local.get 0
  i32.load offset=12
  local.set 7
  local.get 0
  i32.load
  local.set 8
  i32.const 0
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 7
      i32.const 128
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 6
      i32.and
      i32.const 8
      i32.mul
      i32.add
      i32.load offset=4
      local.get 10
      i32.xor
      local.set 10
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 0
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 7
      i32.const 128
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 6
      i32.and
      i32.const 8
      i32.mul
      i32.add
      i32.load offset=4
      local.tee 9
      i32.const 1
      i32.sub
      i32.const 0
      local.get 9
      select
      i32.const 32
      i32.mul
      local.get 8
      i32.add
      i32.load
      local.get 10
      i32.xor
      local.set 10
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 112
  local.get 10
  i32.store offset=4
  i32.const 0
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      i32.const 256
      local.get 5
      i32.const 32
      i32.mul
      i32.add
      i32.const 128
      local.get 5
      i32.const 4
      i32.mul
      i32.add
      i32.load
      i32.const 0
      call $set_insert/2
      i32.const 0
      i32.ge_s
      i64.extend_i32_u
      global.get 4
      i64.add
      global.set 4
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
)
