import torch


def train_epoch(model, loader, opt, loss_fn, device):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader]).numpy()
