import torch
import torch.nn.functional as F

from glyphs.torch_utils import inference_ready


def train_one_epoch(net, loader, optimizer, device):
    net.train()
    running = 0.0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(net(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item() * images.size(0)
    return running / len(loader.dataset)


@torch.inference_mode()
def evaluate(net, loader, device):
    net = inference_ready(net)
    total_loss, correct, preds = 0.0, 0, []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = net(images)
        total_loss += F.cross_entropy(logits, labels, reduction="sum").item()
        batch_pred = logits.argmax(1)
        correct += (batch_pred == labels).sum().item()
        preds.append(batch_pred.cpu())
    n = len(loader.dataset)
    return total_loss / n, correct / n, torch.cat(preds)
