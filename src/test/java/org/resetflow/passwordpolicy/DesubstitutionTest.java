package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesubstitutionTest {

    @Test
    void undoesCommonSubstitutionsAndFoldsCase() {
        assertThat(Desubstitution.variants("P@$5W0RD+4|!789")).containsExactly("passwordtaiitbg");
    }

    @Test
    void readsAOneAsIAndAsL() {
        assertThat(Desubstitution.variants("1x1")).containsExactlyInAnyOrder("ixi", "lxi", "ixl", "lxl");
    }

    @Test
    void keepsManyOnesCheap() {
        assertThat(Desubstitution.variants("1111")).containsExactly("iiii", "llll");
    }

    @Test
    void foldsAccentsAndCompatibilityForms() {
        assertThat(Desubstitution.fold("ÄÖÜéＡＢ")).isEqualTo("aoueab");
    }
}
