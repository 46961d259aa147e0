;; `run` with a run of eight distinct constant FACTs loaded from the fact table (the rows
;; of the second data segment): at once into an empty set, else by a loop over them.
;;! function run
;;! | REL e
;;! | FACT e 1 2
;;! | FACT e 2 3
;;! | FACT e 3 4
;;! | FACT e 4 5
;;! | FACT e 5 6
;;! | FACT e 6 7
;;! | FACT e 7 8
;;! | FACT e 8 9
;;! | QUERY e ? ?
(func $run (param i64 i64 i32 i32) (result i32)
  (local i32)
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
  i32.const 1280
  i32.const 8
  i32.const 0
  i32.const 0
  call $set_reserve
  i32.const 1280
  i32.const 0
  i32.const 8
  i32.const 0
  call $fact_load/2
  i32.eqz
  if ;; label = @1
    i32.const 0
    local.set 4
    loop ;; label = @2
      local.get 4
      i32.const 1
      i32.shl
      i32.const 0
      i32.add
      global.set 18
      i32.const 80
      local.get 4
      i32.const 32
      i32.mul
      i32.const 0
      i32.add
      i32.const 32
      memory.init 1
      i32.const 1280
      local.get 4
      i32.const 1
      i32.shl
      i32.const 1
      i32.add
      i32.const 0
      i32.const 0
      call $fact/2
      local.get 4
      i32.const 1
      i32.add
      local.tee 4
      i32.const 8
      i32.lt_u
      br_if 0 (;@2;)
    end
  end
  i32.const 16
  global.set 18
  i32.const 0
  i32.const 0
  i32.store offset=80
  i32.const 0
  i64.const 0
  i64.store offset=88
  i32.const 0
  i32.const 0
  i32.store offset=96
  i32.const 0
  i64.const 0
  i64.store offset=104
  i32.const 1280
  i32.const 0
  i32.const 0
  i32.const 0
  call $out_query
  i32.const 0
)
