import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np


def load(path):
    d = np.load(path)
    return d["images"].astype(np.float32), d["labels"].astype(np.int32)   # (N, 25, 25) pT per pixel


def normalise_images(images):
    # each jet image divided by its own summed pixel pT (translation/rotation preprocessing
    # was already done upstream in the jet-image maker)
    total = images.sum(axis=(1, 2), keepdims=True)
    return images / np.clip(total, 1e-6, None)


def plot_average_images(images, labels, out="avg_jet_images.png"):
    fig, axes = plt.subplots(1, 2, figsize=(9, 4))
    for ax, cls, name in zip(axes, (1, 0), ("W' -> WZ", "QCD")):
        im = ax.imshow(np.log10(images[labels == cls].mean(0) + 1e-6), origin="lower",
                       extent=(-1.25, 1.25, -1.25, 1.25), cmap="viridis")
        ax.set_title(name)
        ax.set_xlabel("[transformed] eta"); ax.set_ylabel("[transformed] phi")
        fig.colorbar(im, ax=ax)
    fig.savefig(out, dpi=120, bbox_inches="tight")
    return out
