import torch
from torch import nn

loss_fn = nn.BCEWithLogitsLoss()


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


@torch.inference_mode()
def evaluate(model, loader, device):
    model.eval()
    logits = torch.cat([model(x.to(device)).cpu() for x, _ in loader])
    targets = torch.cat([y for _, y in loader])
    return loss_fn(logits, targets).item(), torch.sigmoid(logits).numpy(), targets.numpy()
