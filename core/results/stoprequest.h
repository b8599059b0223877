// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

/*!
    How a long read, merge or query learns that its caller gave up; it is polled every few
    thousand rows. One-shot tasks all work the same way: they run through QtConcurrent::run with
    a QPromise, are cancelled with QFuture::cancel(), and pass
    [&promise] { return promise.isCanceled(); } here. An empty one never asks to stop.
*/
using StopRequest = std::function<bool()>;
