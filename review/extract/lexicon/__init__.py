"""Report vocabulary (报告用语), one home for every word the readers match: the rules extractor, the
model path's grounding and the prompt read each word from here, one named constant per concept
(tests/extract/test_vocabulary_home.py fails when a reader writes vocabulary into its own
patterns). The words are kept by topic in the modules of this package; every reader imports the
package and reads `lexicon.NAME`, whichever module holds it.
"""

from review.extract.lexicon.concepts import *  # noqa: F403
from review.extract.lexicon.counts import *  # noqa: F403
from review.extract.lexicon.facts import *  # noqa: F403
from review.extract.lexicon.parts import *  # noqa: F403
from review.extract.lexicon.rates import *  # noqa: F403
from review.extract.lexicon.scores import *  # noqa: F403
from review.extract.lexicon.tables import *  # noqa: F403
from review.extract.lexicon.units import *  # noqa: F403
from review.extract.lexicon.years import *  # noqa: F403
