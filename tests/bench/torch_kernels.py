#!/usr/bin/python3
"""PyTorch's one-thread CPU speed for Axon's activations, measured as `axon bench kernels` does.

Same measurement as kernels/bench/axon-bench-harness.h: float32 buffers of --size elements
(default 1048576) uniform on [-8, 8), allocated and faulted in once; --warmup untimed runs,
then --repeats timed runs each timed on its own with a monotonic nanosecond clock; the
median run is reported, in millions of elements per second (Melem/s).

  fwd     y = f(x)                                    (the functional call, as a model runs it)
  fwdbwd  y = f(x), then dx = autograd.grad(y, x, g)  with g = ones, preallocated
  copy    y.copy_(x) of the same buffers, before and after the kernels: the better one

Parameters are the defaults printed by `axon list` when --axon BINARY is given (so both
sides use the very same values), else the DESIGN.md defaults written below.

Prints one JSON object on stdout:
  {"NAME": {"fwd": Melem/s, "fwdbwd": Melem/s, "torch": "expression", "composite": bool},
   ..., "copy": Melem/s}
"composite" marks activations PyTorch has no single kernel for, written the way a PyTorch
user would (several tensor ops). fwdbwd is null where PyTorch has no derivative (step).
glibc is told to keep large blocks in the heap (see MALLOC_TUNING), so PyTorch's outputs and
temporaries reuse faulted-in memory as Axon's pinned buffers do; --default-malloc turns it off.
When PyTorch is missing, prints a message on stderr, nothing on stdout, and exits 0.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

# One thread everywhere, before torch is loaded.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

# Axon's buffers are pinned (faulted in once, reused). PyTorch allocates every output and
# temporary; by default glibc serves each 4 MiB block with a fresh mmap, so every call would
# pay page faults (composites such as softsign ran ~10x slower that way). Keeping large
# blocks in the heap lets PyTorch reuse faulted-in memory too: the comparison then favours
# PyTorch, never Axon. glibc reads these only at start-up, hence the re-exec.
MALLOC_TUNING = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "2147483648"}
if __name__ == "__main__" and any(os.environ.get(k) != v for k, v in MALLOC_TUNING.items()) \
        and "--default-malloc" not in sys.argv:
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, **MALLOC_TUNING})

# name -> (expression text, composite?, function of (x, P) where P maps parameter -> value,
#          differentiable?)
# The expression text is shown in the report; the function is what is timed.
def table(torch, F):
    def rsqrt1(x, a):
        return x * torch.rsqrt(1 + a * x * x)

    def srelu(x, P):
        tl, al, tr, ar = P["t_left"], P["a_left"], P["t_right"], P["a_right"]
        return torch.where(x < tl, tl + al * (x - tl),
                           torch.where(x > tr, tr + ar * (x - tr), x))

    return {
        "step": ("torch.heaviside(x, 1)", False,
                 lambda x, P, one=torch.tensor(1.0): torch.heaviside(x, one), False),
        "sigmoid": ("torch.sigmoid(x)", False, lambda x, P: torch.sigmoid(x), True),
        "hard_sigmoid": ("F.hardsigmoid(x)", False, lambda x, P: F.hardsigmoid(x), True),
        "log_sigmoid": ("F.logsigmoid(x)", False, lambda x, P: F.logsigmoid(x), True),
        "tanh": ("torch.tanh(x)", False, lambda x, P: torch.tanh(x), True),
        "hard_tanh": ("F.hardtanh(x, min, max)", False,
                      lambda x, P: F.hardtanh(x, P["min"], P["max"]), True),
        "relu": ("F.relu(x)", False, lambda x, P: F.relu(x), True),
        "relu6": ("F.relu6(x)", False, lambda x, P: F.relu6(x), True),
        "leaky_relu": ("F.leaky_relu(x, alpha)", False,
                       lambda x, P: F.leaky_relu(x, P["alpha"]), True),
        "prelu": ("F.prelu(x, weight)", False,
                  lambda x, P, w={}: F.prelu(
                      x, w.setdefault(P["weight"], torch.tensor([P["weight"]]))), True),
        "rrelu": ("F.rrelu(x, lower, upper, training=False)", False,
                  lambda x, P: F.rrelu(x, P["lower"], P["upper"], training=False), True),
        "elu": ("F.elu(x, alpha)", False, lambda x, P: F.elu(x, P["alpha"]), True),
        "celu": ("F.celu(x, alpha)", False, lambda x, P: F.celu(x, P["alpha"]), True),
        "selu": ("F.selu(x)", False, lambda x, P: F.selu(x), True),
        "gelu": ("F.gelu(x)", False, lambda x, P: F.gelu(x), True),
        "gelu_tanh": ("F.gelu(x, approximate='tanh')", False,
                      lambda x, P: F.gelu(x, approximate="tanh"), True),
        "swish": ("F.silu(x) (beta=1) / x*sigmoid(beta*x)", None,
                  lambda x, P: F.silu(x) if P["beta"] == 1 else x * torch.sigmoid(P["beta"] * x),
                  True),
        "hard_swish": ("F.hardswish(x)", False, lambda x, P: F.hardswish(x), True),
        "mish": ("F.mish(x)", False, lambda x, P: F.mish(x), True),
        "softplus": ("F.softplus(x, beta, threshold)", False,
                     lambda x, P: F.softplus(x, P["beta"], P["threshold"]), True),
        "softsign": ("F.softsign(x)", True, lambda x, P: F.softsign(x), True),
        "sin": ("torch.sin(w0*x)", None,
                lambda x, P: torch.sin(x) if P["w0"] == 1 else torch.sin(P["w0"] * x), True),
        "gaussian": ("torch.exp(-((x-centre)/width)**2)", True,
                     lambda x, P: torch.exp(-torch.square((x - P.get("centre", 0.0))
                                                          / P.get("width", 1.0))), True),
        "tanhshrink": ("F.tanhshrink(x)", True, lambda x, P: F.tanhshrink(x), True),
        "softshrink": ("F.softshrink(x, lambda)", False,
                       lambda x, P: F.softshrink(x, P["lambda"]), True),
        "hardshrink": ("F.hardshrink(x, lambda)", False,
                       lambda x, P: F.hardshrink(x, P["lambda"]), True),
        "lecun_tanh": ("1.7159*torch.tanh(x*2/3)", True,
                       lambda x, P: 1.7159 * torch.tanh(x * (2.0 / 3.0)), True),
        "square_plus": ("(x + torch.sqrt(x*x + b))/2", True,
                        lambda x, P: 0.5 * (x + torch.sqrt(x * x + P["b"])), True),
        "log_log": ("1 - torch.exp(-torch.exp(x))", True,
                    lambda x, P: 1 - torch.exp(-torch.exp(x)), True),
        "hard_mish": ("x/2 * torch.clamp(x+2, 0, 2)", True,
                      lambda x, P: 0.5 * x * torch.clamp(x + 2, 0, 2), True),
        "tanh_exp": ("x * torch.tanh(torch.exp(x))", True,
                     lambda x, P: x * torch.tanh(torch.exp(x)), True),
        "squared_relu": ("torch.square(F.relu(x))", True,
                         lambda x, P: torch.square(F.relu(x)), True),
        "leaky_relu6": ("torch.clamp(F.leaky_relu(x, alpha), max=6)", True,
                        lambda x, P: torch.clamp(F.leaky_relu(x, P["alpha"]), max=6), True),
        "bent_identity": ("(torch.sqrt(x*x + 1) - 1)/2 + x", True,
                          lambda x, P: 0.5 * (torch.sqrt(x * x + 1) - 1) + x, True),
        "arctan": ("torch.atan(x)", False, lambda x, P: torch.atan(x), True),
        "absolute": ("torch.abs(x)", False, lambda x, P: torch.abs(x), True),
        "cos": ("torch.cos(w0*x)", None,
                lambda x, P: torch.cos(x) if P["w0"] == 1 else torch.cos(P["w0"] * x), True),
        "sinc": ("torch.sinc(x/pi)", True, lambda x, P: torch.sinc(x * (1 / math.pi)), True),
        "signum": ("torch.sign(x)", False, lambda x, P: torch.sign(x), True),
        "isru": ("x * torch.rsqrt(1 + alpha*x*x)", True,
                 lambda x, P: rsqrt1(x, P["alpha"]), True),
        "isrlu": ("torch.where(x >= 0, x, x*torch.rsqrt(1 + alpha*x*x))", True,
                  lambda x, P: torch.where(x >= 0, x, rsqrt1(x, P["alpha"])), True),
        "exp_tanh": ("torch.tanh(torch.exp(x))", True,
                     lambda x, P: torch.tanh(torch.exp(x)), True),
        "symmetrical_sigmoid": ("2*torch.sigmoid(x) - 1", True,
                                lambda x, P: 2 * torch.sigmoid(x) - 1, True),
        "srelu": ("torch.where(x < tl, tl + al*(x-tl), torch.where(x > tr, tr + ar*(x-tr), x))",
                  True, srelu, True),
        "sparse_plus": ("torch.where(x <= -1, 0, torch.where(x >= 1, x, (x+1)**2/4))", True,
                        lambda x, P: torch.where(x <= -1, torch.zeros_like(x),
                                                 torch.where(x >= 1, x,
                                                             0.25 * torch.square(x + 1))),
                        True),
        "exponential": ("torch.exp(x)", False, lambda x, P: torch.exp(x), True),
        "threshold": ("F.threshold(x, threshold, value)", False,
                      lambda x, P: F.threshold(x, P["threshold"], P["value"]), True),
        "multiquadratic": ("torch.sqrt((x-c)**2 + a*a)", True,
                           lambda x, P: torch.sqrt(torch.square(x - P["c"]) + P["a"] ** 2),
                           True),
        "inverse_multiquadratic": ("torch.rsqrt((x-c)**2 + a*a)", True,
                                   lambda x, P: torch.rsqrt(torch.square(x - P["c"])
                                                            + P["a"] ** 2), True),
    }


# DESIGN.md / axon-activation-list.h defaults, used without --axon.
DEFAULTS = {
    "hard_sigmoid": {"slope": 1 / 6, "offset": 0.5},
    "hard_tanh": {"min": -1.0, "max": 1.0},
    "leaky_relu": {"alpha": 0.01},
    "prelu": {"weight": 0.25},
    "rrelu": {"lower": 1 / 8, "upper": 1 / 3},
    "elu": {"alpha": 1.0},
    "celu": {"alpha": 1.0},
    "swish": {"beta": 1.0},
    "softplus": {"beta": 1.0, "threshold": 20.0},
    "sin": {"w0": 1.0},
    "gaussian": {"centre": 0.0, "width": 1.0},
    "softshrink": {"lambda": 0.5},
    "hardshrink": {"lambda": 0.5},
    "square_plus": {"b": 4.0},
    "leaky_relu6": {"alpha": 0.2},
    "cos": {"w0": 1.0},
    "isru": {"alpha": 1.0},
    "isrlu": {"alpha": 1.0},
    "srelu": {"t_left": -1.0, "a_left": 0.1, "t_right": 1.0, "a_right": 0.1},
    "threshold": {"threshold": 0.5, "value": 0.0},
    "multiquadratic": {"c": 0.0, "a": 1.0},
    "inverse_multiquadratic": {"c": 0.0, "a": 1.0},
}

# Parameters whose torch call above is fixed at the default (F.hardsigmoid has no slope);
# if axon's defaults differ, that activation is skipped rather than compared unfairly.
FIXED = {"hard_sigmoid": {"slope": 1 / 6, "offset": 0.5}}


def axon_defaults(binary):
    """Parameters of every activation from `axon list`: {name: {key: value}}."""
    out = subprocess.run([binary, "list"], check=True, capture_output=True, text=True).stdout
    params = {}
    for line in out.splitlines():
        name, _, rest = line.partition("\t")
        params[name] = {}
        for pair in filter(None, rest.split(",")):
            key, _, value = pair.partition("=")
            params[name][key] = float(value)
    return params


def median_seconds(run, warmup, repeats):
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        run()
        times.append((time.perf_counter_ns() - start) * 1e-9)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1 << 20, help="elements per buffer")
    parser.add_argument("--repeats", type=int, default=31, help="timed runs per figure")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--only", help="comma-separated canonical names")
    parser.add_argument("--axon", help="the axon binary, to take the parameters from `axon list`")
    parser.add_argument("--default-malloc", action="store_true",
                        help="keep glibc's default mmap of large blocks (slower PyTorch)")
    args = parser.parse_args()

    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        print("torch_kernels.py: PyTorch is not installed (Debian: apt-get install "
              "python3-torch); nothing measured", file=sys.stderr)
        return 0

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(20240601)

    params = axon_defaults(args.axon) if args.axon else DEFAULTS
    kernels = table(torch, F)
    names = args.only.split(",") if args.only else list(kernels)

    n = args.size
    x = torch.empty(n, dtype=torch.float32).uniform_(-8.0, 8.0)
    y = torch.zeros(n, dtype=torch.float32)
    ones = torch.ones(n, dtype=torch.float32)
    xg = x.clone().requires_grad_(True)

    # A first pass over everything, untimed: PyTorch's first calls of an operator in a
    # process run 10-100x slower (lazily loaded code, dispatch set-up), for up to a dozen
    # calls; the per-figure warm-up alone does not cover it. (Axon makes one such pass too,
    # though it has nothing lazy to warm.)
    selected = []
    for name in names:
        if name not in kernels:
            continue
        text, composite, fn, differentiable = kernels[name]
        P = dict(DEFAULTS.get(name, {}))
        P.update(params.get(name, {}))
        fixed = FIXED.get(name)
        if fixed and any(abs(P.get(k, v) - v) > 1e-15 for k, v in fixed.items()):
            continue
        selected.append((name, text, composite, fn, differentiable, P))
    for _ in range(max(args.warmup, 1)):
        for name, text, composite, fn, differentiable, P in selected:
            with torch.no_grad():
                fn(x, P)
            if differentiable:
                torch.autograd.grad(fn(xg, P), xg, ones)

    result = {}
    with torch.no_grad():
        result_copy = n / median_seconds(lambda: y.copy_(x), args.warmup, args.repeats) * 1e-6

    for name, text, composite, fn, differentiable, P in selected:
        if composite is None:  # one kernel at the default parameter, several ops otherwise
            composite = any(P.get(k) != 1.0 for k in ("beta", "w0") if k in P)

        with torch.no_grad():
            fwd = n / median_seconds(lambda: fn(x, P), args.warmup, args.repeats) * 1e-6

        fwdbwd = None
        if differentiable:
            def step():
                out = fn(xg, P)
                torch.autograd.grad(out, xg, ones)
            fwdbwd = n / median_seconds(step, args.warmup, args.repeats) * 1e-6

        result[name] = {"fwd": round(fwd, 2),
                        "fwdbwd": None if fwdbwd is None else round(fwdbwd, 2),
                        "torch": text, "composite": bool(composite)}

    # The copy again after the kernels; the better of the two, as axon does.
    with torch.no_grad():
        copy_after = n / median_seconds(lambda: y.copy_(x), args.warmup, args.repeats) * 1e-6
    result["copy"] = round(max(result_copy, copy_after), 2)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
