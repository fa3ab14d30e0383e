"""Pick KD temperature / alpha on the validation split."""
import itertools
import json

import torch

from kd_common import accuracy, distill, load_teacher, loader, set_seed

device = torch.device("cuda")
teacher = load_teacher(device)
val_loader = loader(["val"], train=False, bs=64)

results = []
for T, alpha in itertools.product([1.0, 2.0, 4.0], [0.5, 0.9]):
    set_seed(42)
    student = distill(teacher, loader(["train"], train=True), T, alpha, epochs=8, device=device)
    acc = accuracy(student, val_loader, device)
    results.append({"T": T, "alpha": alpha, "val_acc": acc})
    print(results[-1])

best = max(results, key=lambda r: r["val_acc"])
json.dump({"T": best["T"], "alpha": best["alpha"], "sweep": results}, open("best_params.json", "w"), indent=2)
print("selected:", best)
