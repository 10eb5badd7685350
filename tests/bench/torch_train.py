#!/usr/bin/python3
"""PyTorch's peer of `axon bench train`: the same MLP training, on one thread.

The same job as kernels/train (axon-trainer.h) and app/axon-cmd-bench-train.c:
  - data: the same IDX files (gzip or raw), by default the embedded MNIST in
    resources/data/ (8,000 training and 2,000 test digits), pixels = byte / 255 in float32;
  - network: Linear(784, 128), act, Linear(128, 64), act, Linear(64, 10) (the data set's
    image size and class count at the ends); biases 0; weights He normal
    (kaiming_normal_, fan_in, as for relu) for the rectifier families and Glorot uniform
    (xavier_uniform_) for the others, as Axon's AXON_INIT_AUTO;
  - softmax cross-entropy (F.cross_entropy, mean), SGD with momentum 0.9, lr 0.05;
  - minibatches of 64 drawn from a fresh permutation each epoch, dropping the remainder
    (Axon does the same); per minibatch the loss and accuracy are read back, as Axon
    computes them for its best / last-10 figures;
  - one thread (torch.set_num_threads(1), OMP/MKL variables set before import).
Repeat i uses seed + i (PyTorch's own generator: the numbers differ from Axon's, the
distributions do not). Reported: the median seconds of the minibatch loop (wall clock, and
process CPU time, steadier on a busy machine), the mean test accuracy (evaluation mode) and
the mean last-10 training accuracy.

Prints one JSON object: {"seconds": ..., "test_accuracy": ..., "last10_accuracy": ...,
"torch": version, ...}. Without PyTorch: a message on stderr, nothing on stdout, exit 0.
"""

import argparse
import gzip
import json
import os
import statistics
import struct
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "resources", "data"))

# Axon's rectifier families (categories RELU, EXPONENTIAL_LINEAR, SMOOTH_RELU): He init.
HE_INIT = {
    "relu", "relu6", "leaky_relu", "prelu", "rrelu", "elu", "celu", "selu", "gelu",
    "gelu_tanh", "swish", "silu", "hard_swish", "mish", "softplus", "squared_relu",
    "leaky_relu6", "isrlu", "srelu", "hard_mish", "tanh_exp", "square_plus", "sparse_plus",
}

FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def activation(nn, name):
    table = {
        "relu": nn.ReLU, "relu6": nn.ReLU6, "leaky_relu": nn.LeakyReLU, "prelu": nn.PReLU,
        "rrelu": nn.RReLU, "elu": nn.ELU, "celu": nn.CELU, "selu": nn.SELU, "gelu": nn.GELU,
        "gelu_tanh": lambda: nn.GELU(approximate="tanh"), "swish": nn.SiLU, "silu": nn.SiLU,
        "hard_swish": nn.Hardswish, "mish": nn.Mish, "softplus": nn.Softplus,
        "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "hard_tanh": nn.Hardtanh,
        "hard_sigmoid": nn.Hardsigmoid, "log_sigmoid": nn.LogSigmoid,
        "softsign": nn.Softsign, "tanhshrink": nn.Tanhshrink, "softshrink": nn.Softshrink,
        "hardshrink": nn.Hardshrink, "identity": nn.Identity,
    }
    if name not in table:
        sys.exit(f"torch_train.py: no PyTorch module for activation {name!r}")
    return table[name]()


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    n_dims = data[3]
    dims = struct.unpack(">" + "I" * n_dims, data[4:4 + 4 * n_dims])
    return dims, data[4 + 4 * n_dims:]


def find(directory, base):
    for name in (base, base + ".gz"):
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            return path
    sys.exit(f"{directory}: no {base}[.gz]")


def load(torch, directory):
    out = {}
    for key, base in FILES.items():
        dims, payload = read_idx(find(directory, base))
        tensor = torch.frombuffer(bytearray(payload), dtype=torch.uint8)
        if "images" in key:
            out[key] = tensor.reshape(dims[0], dims[1] * dims[2]).to(torch.float32) / 255.0
        else:
            out[key] = tensor.to(torch.int64)
    return out


def train_once(torch, data, act, steps, batch, lr, momentum, seed):
    nn, F = torch.nn, torch.nn.functional
    torch.manual_seed(seed)
    dim = data["train_images"].shape[1]
    classes = int(max(data["train_labels"].max(), data["test_labels"].max())) + 1
    sizes = [dim, 128, 64, classes]
    layers = []
    for i in range(3):
        linear = nn.Linear(sizes[i], sizes[i + 1])
        if act in HE_INIT:
            nn.init.kaiming_normal_(linear.weight, mode="fan_in", nonlinearity="relu")
        else:
            nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < 2:
            layers.append(activation(nn, act))
    model = nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    x, y = data["train_images"], data["train_labels"]
    n = x.shape[0]
    generator = torch.Generator().manual_seed(seed)
    perm, position = None, n
    accuracies = []

    model.train()
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in range(steps):
        if position + batch > n:
            perm, position = torch.randperm(n, generator=generator), 0
        index = perm[position:position + batch]
        position += batch
        xb, yb = x.index_select(0, index), y.index_select(0, index)
        optimizer.zero_grad(set_to_none=True)
        logits = model(xb)
        loss = F.cross_entropy(logits, yb)
        loss.backward()
        optimizer.step()
        loss.item()
        accuracies.append((logits.argmax(1) == yb).sum().item() / batch)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu

    model.eval()
    with torch.no_grad():
        predicted = model(data["test_images"]).argmax(1)
    test_accuracy = (predicted == data["test_labels"]).float().mean().item()
    last10 = sum(accuracies[-10:]) / len(accuracies[-10:])
    return seconds, test_accuracy, last10, cpu_seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--act", default="relu")
    parser.add_argument("--data", default=DEFAULT_DATA, help="IDX directory")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--momentum", type=float, default=0.9)
    args = parser.parse_args()

    try:
        import torch
    except ImportError:
        sys.stderr.write("torch_train.py: PyTorch is not installed (Debian: python3-torch); "
                         "no PyTorch figures\n")
        return 0
    torch.set_num_threads(1)
    data = load(torch, args.data)
    runs = [train_once(torch, data, args.act, args.steps, args.batch, args.lr, args.momentum,
                       args.seed + i) for i in range(args.repeats)]
    for i, (s, acc, last10, cpu) in enumerate(runs):
        sys.stderr.write(f"repeat {i + 1}/{args.repeats}: {s:.3f} s (CPU {cpu:.3f} s), "
                         f"test accuracy {acc:.4f}\n")
    json.dump({
        "seconds": statistics.median(r[0] for r in runs),
        "test_accuracy": sum(r[1] for r in runs) / len(runs),
        "last10_accuracy": sum(r[2] for r in runs) / len(runs),
        "cpu_seconds": statistics.median(r[3] for r in runs),
        "activation": args.act, "steps": args.steps, "repeats": args.repeats,
        "batch": args.batch, "torch": torch.__version__, "threads": torch.get_num_threads(),
    }, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
