import numpy as np
import torch


def train_epoch(model, loader, optimizer, scheduler, loss_fn, device, accum_steps=4):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for step, batch in enumerate(loader):
        labels = batch.pop("labels").to(device)
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        loss = loss_fn(logits, labels) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if (step + 1) % accum_steps == 0 or (step + 1) == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
    return total / len(loader)


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    probs, ys = [], []
    for batch in loader:
        ys.append(batch.pop("labels").numpy())
        batch = {k: v.to(device) for k, v in batch.items()}
        probs.append(torch.sigmoid(model(**batch).logits).float().cpu().numpy())
    return np.concatenate(ys), np.concatenate(probs)
