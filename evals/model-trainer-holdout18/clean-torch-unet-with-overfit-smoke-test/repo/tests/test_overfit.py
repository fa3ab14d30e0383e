"""Smoke tests: shapes, and the classic 'can it overfit one batch' sanity check.

These use random tensors only; they say nothing about generalisation and are not
part of the evaluation protocol (see train.py for that).
"""
import torch
import torch.nn.functional as F

from src.segkit.metrics import ConfusionMeter
from src.segkit.unet import UNet


def test_output_shape():
    model = UNet(n_classes=3, base=8)
    out = model(torch.randn(2, 3, 64, 64))
    assert out.shape == (2, 3, 64, 64)


def test_overfits_single_batch():
    torch.manual_seed(0)
    model = UNet(n_classes=3, base=8)
    x = torch.randn(2, 3, 64, 64)
    y = torch.randint(0, 3, (2, 64, 64))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    first = None
    for _ in range(60):
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        first = first if first is not None else loss.item()
    meter = ConfusionMeter(3)
    model.eval()
    with torch.no_grad():
        meter.update(model(x).argmax(1), y)
    assert loss.item() < 0.5 * first
    assert meter.compute()["pixel_acc"] > 0.6
