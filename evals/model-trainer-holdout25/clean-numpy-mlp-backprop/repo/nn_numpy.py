"""
Homework 4 - a two-hidden-layer MLP written from scratch (numpy only) for MNIST.

* inverted dropout that is switched off at evaluation time (train=False)
* Adam, mini-batches, L2 weight decay
* 54k/6k train/validation split of the official training set, early stopping on
  validation loss, best weights saved to disk, official 10k test set used once
* softmax regression (no hidden layer) trained with the same code as a baseline
"""
import argparse
import time

import numpy as np


class MLP:
    def __init__(self, sizes, rng, p_drop=0.2):
        self.rng, self.p_drop = rng, p_drop
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.params[f"W{i}"] = rng.normal(0, np.sqrt(2.0 / a), size=(a, b))
            self.params[f"b{i}"] = np.zeros(b)
        self.n_layers = len(sizes) - 1

    def forward(self, X, train):
        cache, h = [], X
        for i in range(self.n_layers):
            z = h @ self.params[f"W{i}"] + self.params[f"b{i}"]
            if i < self.n_layers - 1:
                a = np.maximum(z, 0)
                mask = None
                if train and self.p_drop > 0:
                    mask = (self.rng.random(a.shape) > self.p_drop) / (1 - self.p_drop)
                    a = a * mask
                cache.append((h, z, mask))
                h = a
            else:
                cache.append((h, z, None))
                h = z
        z = h - h.max(1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(1, keepdims=True)
        return probs, cache

    def backward(self, probs, y, cache, wd):
        grads = {}
        delta = probs.copy()
        delta[np.arange(len(y)), y] -= 1
        delta /= len(y)
        for i in reversed(range(self.n_layers)):
            h_in, z, mask = cache[i]
            if i < self.n_layers - 1:
                if mask is not None:
                    delta = delta * mask
                delta = delta * (z > 0)
            grads[f"W{i}"] = h_in.T @ delta + wd * self.params[f"W{i}"]
            grads[f"b{i}"] = delta.sum(0)
            delta = delta @ self.params[f"W{i}"].T
        return grads


class Adam:
    def __init__(self, params, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, b1, b2, eps, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, params, grads):
        self.t += 1
        for k in params:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * grads[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.b1 ** self.t)
            v_hat = self.v[k] / (1 - self.b2 ** self.t)
            params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def cross_entropy(probs, y):
    return float(-np.log(probs[np.arange(len(y)), y] + 1e-12).mean())


def macro_f1(y, pred, k=10):
    f1 = []
    for c in range(k):
        tp = np.sum((pred == c) & (y == c))
        fp = np.sum((pred == c) & (y != c))
        fn = np.sum((pred != c) & (y == c))
        f1.append(2 * tp / max(2 * tp + fp + fn, 1))
    return float(np.mean(f1))


def evaluate(net, X, y):
    probs, _ = net.forward(X, train=False)
    pred = probs.argmax(1)
    return {"loss": cross_entropy(probs, y), "acc": float((pred == y).mean()), "macro_f1": macro_f1(y, pred)}


def train(net, data, args, tag):
    (Xtr, ytr), (Xva, yva) = data
    opt = Adam(net.params, lr=args.lr)
    best, bad, ckpt = np.inf, 0, f"{tag}_best.npz"
    for epoch in range(args.epochs):
        order = net.rng.permutation(len(Xtr))
        for s in range(0, len(order), args.batch):
            idx = order[s:s + args.batch]
            probs, cache = net.forward(Xtr[idx], train=True)
            opt.step(net.params, net.backward(probs, ytr[idx], cache, args.wd))
        val = evaluate(net, Xva, yva)
        print(f"[{tag}] epoch {epoch:2d} val loss {val['loss']:.4f} acc {val['acc']:.4f}")
        if val["loss"] < best:
            best, bad = val["loss"], 0
            np.savez(ckpt, **net.params)
        else:
            bad += 1
            if bad >= args.patience:
                break
    with np.load(ckpt) as saved:
        net.params.update({k: saved[k] for k in saved.files})
    return net


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npz", default="mnist.npz")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--wd", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    with np.load(args.npz) as d:
        X_full, y_full = d["x_train"].reshape(-1, 784) / 255.0, d["y_train"].astype(int)
        X_test, y_test = d["x_test"].reshape(-1, 784) / 255.0, d["y_test"].astype(int)

    perm = rng.permutation(len(X_full))
    val_idx, tr_idx = perm[:6000], perm[6000:]
    data = ((X_full[tr_idx], y_full[tr_idx]), (X_full[val_idx], y_full[val_idx]))

    t0 = time.time()
    softmax = train(MLP([784, 10], rng, p_drop=0.0), data, args, "softmax")
    mlp = train(MLP([784, 512, 256, 10], rng, p_drop=0.2), data, args, "mlp")
    print(f"training took {time.time() - t0:.0f}s")

    for name, net in (("softmax regression", softmax), ("MLP 512-256", mlp)):
        r = evaluate(net, X_test, y_test)
        print(f"TEST {name:20s} loss {r['loss']:.4f}  acc {r['acc']:.4f}  macro-F1 {r['macro_f1']:.4f}")


if __name__ == "__main__":
    main()
