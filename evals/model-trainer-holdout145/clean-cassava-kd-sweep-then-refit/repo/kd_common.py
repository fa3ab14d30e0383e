import os
import random

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn.functional as F
from PIL import Image
from timm.data import create_transform
from torch.utils.data import DataLoader, Dataset

IMG_DIR = "data/cassava/train_images"
SPLITS = pd.read_csv("data/cassava/splits.csv")  # image_id, label, split in {train, val, test}


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class Cassava(Dataset):
    def __init__(self, frame, train):
        self.frame = frame.reset_index(drop=True)
        self.tf = create_transform(384, is_training=train, hflip=0.5, vflip=0.5 if train else 0.0)

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        return self.tf(Image.open(os.path.join(IMG_DIR, row.image_id)).convert("RGB")), int(row.label)


def loader(splits, train, bs=32):
    frame = SPLITS[SPLITS["split"].isin(splits)]
    return DataLoader(Cassava(frame, train), batch_size=bs, shuffle=train, num_workers=8, drop_last=train)


def load_teacher(device):
    t = timm.create_model("tf_efficientnet_b4_ns", num_classes=5)
    t.load_state_dict(torch.load("checkpoints/teacher_b4ns_trainsplit.pth", map_location="cpu"))
    return t.to(device).eval().requires_grad_(False)


def distill(teacher, train_loader, T, alpha, epochs, device, lr=3e-4):
    student = timm.create_model("efficientnet_b0", pretrained=True, num_classes=5, drop_rate=0.2).to(device)
    opt = torch.optim.AdamW(student.parameters(), lr=lr, weight_decay=1e-2)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs * len(train_loader))
    for _ in range(epochs):
        student.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            with torch.no_grad():
                t_logits = teacher(x)
            s_logits = student(x)
            kd = F.kl_div(F.log_softmax(s_logits / T, 1), F.log_softmax(t_logits / T, 1),
                          reduction="batchmean", log_target=True) * T * T
            loss = alpha * kd + (1 - alpha) * F.cross_entropy(s_logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    return student


@torch.no_grad()
def accuracy(model, data_loader, device):
    model.eval()
    correct = total = 0
    for x, y in data_loader:
        correct += (model(x.to(device)).argmax(1).cpu() == y).sum().item()
        total += len(y)
    return correct / total
