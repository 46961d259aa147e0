;; A plan with LET and WHERE.
;;! function rule0:n:initial
;;! | REL n
;;! | FACT n 1
;;! | RULE n: SCAN n, LET $m = $0 + 1, WHERE $m < 10, EMIT n $m
;;! | SOLVE
(func $rule0:n:initial (param i32 i32 i32 i32)
  (local i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i64 i32 i64 i32 i64 i32 i64)
  i32.const 96
  i32.const 0
  i32.store
  i32.const 0
  local.set 8
  i32.const 752
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
        i32.const 3
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call $fail
        unreachable
      end
      i32.const 752
      i32.load
      local.get 11
      i32.const 16
      i32.mul
      i32.add
      local.set 12
      local.get 12
      i32.load
      local.set 4
      local.get 12
      i64.load offset=8
      local.set 5
      local.get 4
      local.get 5
      local.set 14
      local.set 13
      local.get 13
      local.get 14
      i32.const 1
      i64.const 1
      i32.const 4
      call $binary:add
      local.set 14
      local.set 13
      local.get 13
      local.get 14
      local.set 7
      local.set 6
      local.get 6
      local.get 7
      local.set 16
      local.set 15
      local.get 15
      local.get 16
      i32.const 1
      i64.const 10
      i32.const 5
      call $binary:lt
      local.set 16
      local.set 15
      local.get 15
      local.get 16
      local.set 18
      local.set 17
      local.get 17
      i32.const 1
      i32.ne
      local.get 18
      i64.const 0
      i64.ne
      i32.or
      if ;; label = @3
        local.get 6
        local.get 7
        local.set 20
        local.set 19
        i32.const 0
        local.get 19
        i32.store offset=80
        i32.const 0
        local.get 20
        i64.store offset=88
        i32.const 752
        i32.const 6
        i32.const 0
        i32.const 0
        call $queue/1
      end
      local.get 8
      i32.const 1
      i32.add
      local.set 8
      br 0 (;@2;)
    end
  end
  i32.const 752
  i32.const 0
  i32.const 0
  i32.const 0
  call $flush/1
)
