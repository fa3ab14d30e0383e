"""Few-shot prompt construction and answer extraction for multiple-choice science questions."""
import random
import re

LETTER_RE = re.compile(r"(?:answer is|Answer:)?\s*\(?([A-E])\)?(?:\W|$)")


def format_question(ex, with_answer):
    opts = "\n".join(f"{lbl}. {txt}" for lbl, txt in zip(ex["choices"]["label"], ex["choices"]["text"]))
    block = f"Question: {ex['question']}\n{opts}\nAnswer:"
    return f"{block} {ex['answerKey']}" if with_answer else block


def pick_exemplars(pool, k, seed):
    rng = random.Random(seed)
    idx = rng.sample(range(len(pool)), k)
    return [pool[i] for i in idx]


def build_prompt(exemplars, ex):
    shots = "\n\n".join(format_question(e, with_answer=True) for e in exemplars)
    return f"The following are multiple choice questions about grade-school science.\n\n{shots}\n\n{format_question(ex, with_answer=False)}"


def extract_letter(generation, valid):
    m = LETTER_RE.search(generation.strip())
    if m and m.group(1) in valid:
        return m.group(1)
    return "INVALID"
