import torch


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


@torch.inference_mode()
def evaluate(model, loader, device):
    model.eval()
    abs_err, n = 0.0, 0
    for xb, yb in loader:
        pred = model(xb.to(device)).cpu()
        abs_err += (pred - yb).abs().sum().item()
        n += yb.numel()
    return abs_err / n
