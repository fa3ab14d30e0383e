import numpy as np
import torch
from torch import nn


def train_one_epoch(model, loader, optimizer, device, accum_steps=1):
    model.train()
    loss_fn = nn.CrossEntropyLoss()
    running, n = 0.0, 0
    optimizer.zero_grad(set_to_none=True)
    for step, (x_num, x_cat, y) in enumerate(loader, start=1):
        x_num, x_cat, y = x_num.to(device), x_cat.to(device), y.to(device)
        loss = loss_fn(model(x_num, x_cat), y)
        (loss / accum_steps).backward()
        running += loss.item() * len(y)
        n += len(y)
        if step % accum_steps == 0 or step == len(loader):
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return running / n


@torch.inference_mode()
def predict_proba(model, loader, device):
    model.eval()
    out = []
    for batch in loader:
        x_num, x_cat = batch[0].to(device), batch[1].to(device)
        out.append(torch.softmax(model(x_num, x_cat), dim=1).cpu().numpy())
    return np.concatenate(out)
