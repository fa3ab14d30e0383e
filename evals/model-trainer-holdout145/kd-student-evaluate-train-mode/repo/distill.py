import argparse
import random

import numpy as np
import timm
import torch
import torchvision
import torchvision.transforms as T
import yaml
from torch.utils.data import DataLoader, Subset

from engine import evaluate, train_one_epoch
from student import TinyStudent

MEAN, STD = (0.5071, 0.4865, 0.4409), (0.2673, 0.2564, 0.2762)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loaders(cfg):
    train_tf = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize(MEAN, STD)])
    eval_tf = T.Compose([T.ToTensor(), T.Normalize(MEAN, STD)])
    root = cfg["data"]["root"]
    train_aug = torchvision.datasets.CIFAR100(root, train=True, transform=train_tf, download=True)
    train_plain = torchvision.datasets.CIFAR100(root, train=True, transform=eval_tf)
    test_set = torchvision.datasets.CIFAR100(root, train=False, transform=eval_tf, download=True)

    perm = np.random.RandomState(cfg["seed"]).permutation(len(train_aug))
    n_val = cfg["data"]["val_size"]
    train_set, val_set = Subset(train_aug, perm[n_val:]), Subset(train_plain, perm[:n_val])

    bs, nw = cfg["train"]["batch_size"], cfg["data"]["num_workers"]
    train_loader = DataLoader(train_set, bs, shuffle=True, num_workers=nw, drop_last=True, pin_memory=True)
    val_loader = DataLoader(val_set, 512, shuffle=False, num_workers=nw)
    test_loader = DataLoader(test_set, 512, shuffle=False, num_workers=nw)
    return train_loader, val_loader, test_loader


def load_teacher(cfg, device):
    teacher = timm.create_model(cfg["teacher"]["arch"], pretrained=False, num_classes=100)
    teacher.load_state_dict(torch.load(cfg["teacher"]["ckpt"], map_location="cpu"))
    teacher.eval().requires_grad_(False)
    return teacher.to(device)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="student_best.pt")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, val_loader, test_loader = make_loaders(cfg)

    teacher = load_teacher(cfg, device)
    _, t_acc = evaluate(teacher, val_loader, device)
    print(f"teacher val acc {t_acc:.4f}")

    student = TinyStudent(100, cfg["student"]["width"], cfg["student"]["dropout"]).to(device)
    tc = cfg["train"]
    optimizer = torch.optim.SGD(student.parameters(), lr=tc["lr"], momentum=0.9,
                                weight_decay=tc["weight_decay"], nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])

    best_val = 0.0
    for epoch in range(tc["epochs"]):
        tr_loss = train_one_epoch(student, teacher, train_loader, optimizer, device,
                                  cfg["kd"]["temperature"], cfg["kd"]["alpha"])
        scheduler.step()
        val_loss, val_acc = evaluate(student, val_loader, device)
        if val_acc > best_val:
            best_val = val_acc
            torch.save(student.state_dict(), args.out)
        print(f"[{epoch:03d}] kd_loss={tr_loss:.4f} val_loss={val_loss:.4f} val_acc={val_acc:.4f}")

    student.load_state_dict(torch.load(args.out, map_location=device))
    test_loss, test_acc = evaluate(student, test_loader, device)
    print(f"student test acc {test_acc:.4f} (best val {best_val:.4f}, teacher val {t_acc:.4f})")


if __name__ == "__main__":
    main()
