;; A plan with NOT clauses (spec §9.1): through an index (some columns `?`), on the
;; relation's own set (every column bound: `set_find/2`), and on every column `?`
;; (is the relation empty?); a tuple found is a step and ends the binding.
;;! function rule0:q:initial
;;! | REL p
;;! | REL q
;;! | REL s
;;! | FACT p 1 2
;;! | RULE q: SCAN p, NOT s $0 ?, NOT p $1 $0, NOT s ? ?, EMIT q $0 $1
;;! | SOLVE
(func $rule0:q:initial (param i32 i32 i32 i32)
  (local i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64)
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
        i32.const 3
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
      i32.const 0
      local.get 13
      i32.store offset=80
      i32.const 0
      local.get 14
      i64.store offset=88
      i32.const 80
      i32.const 0
      i32.const 0
      i32.const 0
      call $index_probe:0
      if ;; label = @3
        global.get 1
        i64.const 1
        i64.add
        global.set 1
        global.get 1
        global.get 2
        i64.gt_u
        if ;; label = @4
          i32.const 401
          i32.const 4
          i32.const 0
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
      else
        local.get 6
        local.get 7
        local.set 16
        local.set 15
        local.get 4
        local.get 5
        local.set 18
        local.set 17
        i32.const 0
        local.get 15
        i32.store offset=80
        i32.const 0
        local.get 16
        i64.store offset=88
        i32.const 0
        local.get 17
        i32.store offset=96
        i32.const 0
        local.get 18
        i64.store offset=104
        i32.const 1280
        i32.const 80
        i32.const 0
        i32.const 0
        call $set_find/2
        if ;; label = @4
          global.get 1
          i64.const 1
          i64.add
          global.set 1
          global.get 1
          global.get 2
          i64.gt_u
          if ;; label = @5
            i32.const 401
            i32.const 5
            i32.const 0
            i32.const 0
            i64.const 0
            i32.const 0
            i64.const 0
            call $fail
            unreachable
          end
        else
          i32.const 1408
          i32.load offset=32
          if ;; label = @5
            global.get 1
            i64.const 1
            i64.add
            global.set 1
            global.get 1
            global.get 2
            i64.gt_u
            if ;; label = @6
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
          else
            local.get 4
            local.get 5
            local.set 20
            local.set 19
            local.get 6
            local.get 7
            local.set 22
            local.set 21
            i32.const 0
            local.get 19
            i32.store offset=80
            i32.const 0
            local.get 20
            i64.store offset=88
            i32.const 0
            local.get 21
            i32.store offset=96
            i32.const 0
            local.get 22
            i64.store offset=104
            i32.const 1344
            i32.const 7
            i32.const 0
            i32.const 0
            call $queue/2
          end
        end
      end
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
