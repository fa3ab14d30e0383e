"""Sliding-window helpers for scenes much larger than the network input (Inria tiles are 5000x5000)."""
import numpy as np
import torch


def window_weights(size, power=2):
    """2D Hann-like weights so overlapping tile borders contribute less than tile centres."""
    ramp = np.hanning(size + 2)[1:-1] ** (1.0 / power)
    return np.outer(ramp, ramp).astype(np.float32)


def tile_origins(length, tile, stride):
    starts = list(range(0, max(length - tile, 0) + 1, stride))
    if starts[-1] + tile < length:
        starts.append(length - tile)
    return starts


def iter_tiles(height, width, tile, overlap):
    stride = tile - overlap
    for y in tile_origins(height, tile, stride):
        for x in tile_origins(width, tile, stride):
            yield y, x


@torch.inference_mode()
def predict_with_tta(model, batch):
    """Mean of sigmoid outputs over identity, h-flip, v-flip and 90-degree rotation."""
    probs = torch.sigmoid(model(batch))
    probs += torch.sigmoid(model(batch.flip(-1))).flip(-1)
    probs += torch.sigmoid(model(batch.flip(-2))).flip(-2)
    probs += torch.sigmoid(model(batch.rot90(1, (-2, -1)))).rot90(-1, (-2, -1))
    return probs / 4.0


@torch.inference_mode()
def predict_scene(model, image, tile=1024, overlap=256, batch_size=4, device="cuda", tta=True):
    """image: float32 (C, H, W), already normalized. Returns (H, W) probability map."""
    _, h, w = image.shape
    acc = np.zeros((h, w), dtype=np.float32)
    norm = np.zeros((h, w), dtype=np.float32)
    weights = window_weights(tile)
    origins = list(iter_tiles(h, w, tile, overlap))
    for i in range(0, len(origins), batch_size):
        chunk = origins[i:i + batch_size]
        batch = torch.from_numpy(np.stack([image[:, y:y + tile, x:x + tile] for y, x in chunk])).to(device)
        probs = predict_with_tta(model, batch) if tta else torch.sigmoid(model(batch))
        for (y, x), p in zip(chunk, probs.squeeze(1).float().cpu().numpy()):
            acc[y:y + tile, x:x + tile] += p * weights
            norm[y:y + tile, x:x + tile] += weights
    return acc / np.maximum(norm, 1e-6)
