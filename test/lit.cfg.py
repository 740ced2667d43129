# lit configuration shared by every suite; the per-tree values come from the
# generated lit.site.cfg.py (one per LLVM major).
import os

import lit.formats

config.name = "Escape (LLVM %d)" % config.llvm_major
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ll", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)

major = config.llvm_major
config.available_features.add("llvm-%d" % major)
# The heap-to-stack rewrite is in: execution tests also check which sites move.
config.available_features.add("escape-rewrite")
# Tests that read the repository's file list need its git checkout.
if os.path.exists(os.path.join(config.escape_src_root, ".git")):
    config.available_features.add("git-checkout")

# FileCheck, not, count and split-file of the same major come first on PATH.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.escape_bin_dir, config.environment.get("PATH", "")]
)
# A user's settings must not change what the tests see.
config.environment.pop("ESCAPE_OPTIONS", None)

tools = config.llvm_tools_dir
plugin = os.path.join(config.escape_lib_dir, "EscapePlugin.so")
# clang 19-21 accept the plugin's -mllvm options only when it is also loaded
# with -fplugin; clang 22 loads pass plugins before parsing them.
fplugin = "-fplugin=%s" % plugin if major < 22 else ""

# Longer names first: lit substitutes in list order.
config.substitutions += [
    ("%clang_escape", "%s/clang -fpass-plugin=%s %s" % (tools, plugin, fplugin)),
    ("%opt_escape", "%s/opt -load-pass-plugin=%s" % (tools, plugin)),
    ("%fplugin", fplugin),
    ("%plugin", plugin),
    ("%clang", "%s/clang" % tools),
    ("%opt", "%s/opt" % tools),
    ("%llvm_bindir", tools),
    ("%libdir", config.escape_lib_dir),
    ("%bindir", config.escape_bin_dir),
    ("%src_root", config.escape_src_root),
    ("%obj_root", config.escape_obj_root),
    ("%llvm_major", str(major)),
]
