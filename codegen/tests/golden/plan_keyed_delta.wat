;; A delta plan whose delta atom is keyed by a LET (so it is not scanned first): the
;; full scan of `edge`, then a keyed JOIN of the delta of `path`, which probes the
;; index (`index_probe`) and bounds the row list to the delta (`lower_bound`).
;;! function rule1:path:delta0
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, LET $k = $1, JOIN path $k, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $rule1:path:delta0 (param i32 i32 i32 i32)
  (local i32 i64 i32 i64 i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i32 i64)
  i32.const 112
  i32.const 0
  i32.store
  i32.const 0
  local.set 12
  i32.const 1280
  i32.load offset=32
  local.set 13
  block ;; label = @1
    loop ;; label = @2
      local.get 12
      local.get 13
      i32.ge_u
      br_if 1 (;@1;)
      local.get 12
      local.set 15
      global.get 1
      i64.const 1
      i64.add
      global.set 1
      global.get 1
      global.get 2
      i64.gt_u
      if ;; label = @3
        i32.const 401
        i32.const 6
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
      local.get 15
      i32.const 32
      i32.mul
      i32.add
      local.set 16
      local.get 16
      i32.load
      local.set 4
      local.get 16
      i64.load offset=8
      local.set 5
      local.get 16
      i32.load offset=16
      local.set 6
      local.get 16
      i64.load offset=24
      local.set 7
      local.get 6
      local.get 7
      local.set 9
      local.set 8
      i32.const 0
      local.get 8
      i32.store offset=80
      i32.const 0
      local.get 9
      i64.store offset=88
      i32.const 80
      i32.const 0
      i32.const 0
      i32.const 0
      call $index_probe:0
      local.tee 22
      if ;; label = @3
        local.get 22
        i32.load offset=4
        local.set 19
        local.get 22
        i32.load offset=8
        local.set 18
        i32.const 0
        local.set 17
        local.get 19
        local.get 22
        i32.load offset=8
        i32.const 1344
        i32.load offset=24
        i32.const 0
        call $lower_bound
        local.set 17
        local.get 19
        local.get 22
        i32.load offset=8
        i32.const 1344
        i32.load offset=28
        i32.const 0
        call $lower_bound
        local.set 18
        block ;; label = @4
          loop ;; label = @5
            local.get 17
            local.get 18
            i32.ge_u
            br_if 1 (;@4;)
            local.get 19
            local.get 17
            i32.const 4
            i32.mul
            i32.add
            i32.load
            local.set 20
            global.get 1
            i64.const 1
            i64.add
            global.set 1
            global.get 1
            global.get 2
            i64.gt_u
            if ;; label = @6
              i32.const 401
              i32.const 7
              i32.const 0
              i32.const 0
              i64.const 0
              i32.const 0
              i64.const 0
              call $fail
              unreachable
            end
            i32.const 1344
            i32.load
            local.get 20
            i32.const 32
            i32.mul
            i32.add
            local.set 21
            local.get 21
            i32.load offset=16
            local.set 10
            local.get 21
            i64.load offset=24
            local.set 11
            local.get 4
            local.get 5
            local.set 24
            local.set 23
            local.get 10
            local.get 11
            local.set 26
            local.set 25
            i32.const 0
            local.get 23
            i32.store offset=80
            i32.const 0
            local.get 24
            i64.store offset=88
            i32.const 0
            local.get 25
            i32.store offset=96
            i32.const 0
            local.get 26
            i64.store offset=104
            i32.const 1344
            i32.const 8
            i32.const 0
            i32.const 0
            call $queue/2
            local.get 17
            i32.const 1
            i32.add
            local.set 17
            br 0 (;@5;)
          end
        end
      end
      local.get 12
      i32.const 1
      i32.add
      local.set 12
      br 0 (;@2;)
    end
  end
  i32.const 1344
  i32.const 0
  i32.const 0
  i32.const 0
  call $flush/2
)
