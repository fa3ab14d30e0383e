import numpy as np
import torch


def train_epoch(model, loader, optimizer, loss_fn, accum_steps, device, y_mean, y_std):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for step, (x, age) in enumerate(loader, start=1):
        target = (age.to(device) - y_mean) / y_std
        loss = loss_fn(model(x.to(device)).squeeze(1), target) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if step % accum_steps == 0 or step == len(loader):
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return total / len(loader)


@torch.inference_mode()
def evaluate(model, loader, device, y_mean, y_std):
    model.eval()
    preds, ages = [], []
    for x, age in loader:
        out = model(x.to(device)).squeeze(1) * y_std + y_mean
        preds.append(out.cpu())
        ages.append(age)
    p, a = torch.cat(preds).numpy(), torch.cat(ages).numpy()
    return {"mae": float(np.abs(p - a).mean()),
            "exact": float((np.rint(p) == a).mean()),
            "within1": float((np.abs(np.rint(p) - a) <= 1).mean())}
