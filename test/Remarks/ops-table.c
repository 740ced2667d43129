// C47: obj->ops->write(obj, buf): a vtable call is an indirect call; the
// buffer escapes, and so does the object passed as the receiver
// ("leaking param: obj").
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

struct Obj;
struct Ops {
  void (*write)(struct Obj *, char *);
};
struct Obj {
  const struct Ops *ops;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: obj
void emit(struct Obj *obj) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(64) escapes to heap: passed to indirect call
  char *buf = malloc(64);
  buf[0] = 0;
  obj->ops->write(obj, buf);
  free(buf);
}
