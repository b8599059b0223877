# SPDX-License-Identifier: GPL-3.0-or-later
# The engine's tests. White-box units (tst_tokenizer) reach into core/engine/private, as Qt's
# own autotests use private headers: the only place outside the engine allowed to.
wordmill_add_tests(LIBS wordmill_engine wordmill_format wordmill_text Qt6::Concurrent)
wordmill_add_benchmark(bench_throughput LIBS wordmill_engine wordmill_text)
wordmill_add_benchmark(bench_memory LIBS wordmill_engine)
wordmill_add_benchmark(bench_timeline LIBS wordmill_engine wordmill_format Qt6::Test)
wordmill_add_benchmark(bench_checkpoint LIBS wordmill_engine)
