import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, scaler, cfg, device) -> float:
    model.train()
    optimizer.zero_grad(set_to_none=True)
    running = 0.0
    for step, (wave, target) in enumerate(loader, start=1):
        wave, target = wave.to(device), target.to(device)
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            loss = F.cross_entropy(model(wave), target) / cfg.accum_steps
        scaler.scale(loss).backward()
        running += loss.item() * cfg.accum_steps
        if step % cfg.accum_steps == 0 or step == len(loader):
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
    return running / len(loader)


@torch.no_grad()
def evaluate(model, loader, device) -> dict:
    model.eval()
    preds, gold, loss_sum = [], [], 0.0
    for wave, target in loader:
        logits = model(wave.to(device))
        loss_sum += F.cross_entropy(logits, target.to(device), reduction="sum").item()
        preds.append(logits.argmax(-1).cpu().numpy())
        gold.append(target.numpy())
    p, g = np.concatenate(preds), np.concatenate(gold)
    return {"loss": loss_sum / len(g), "accuracy": accuracy_score(g, p), "macro_f1": f1_score(g, p, average="macro")}
