"""Retrain the student on train+val with the selected KD params; report test accuracy once."""
import json

import torch

from kd_common import accuracy, distill, load_teacher, loader, set_seed

params = json.load(open("best_params.json"))
set_seed(42)
device = torch.device("cuda")
teacher = load_teacher(device)

student = distill(teacher, loader(["train", "val"], train=True), params["T"], params["alpha"],
                  epochs=8, device=device)
torch.save(student.state_dict(), "checkpoints/student_b0_final.pth")

test_acc = accuracy(student, loader(["test"], train=False, bs=64), device)
print(f"T={params['T']} alpha={params['alpha']}  student test acc {test_acc:.4f}")
