package org.resetflow.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** HTTP Basic's answer to a refused staff sign-in: {@code 429} when the sign-in was throttled, otherwise {@code 401}. */
public final class StaffBasicEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    public StaffBasicEntryPoint() {
        basic.setRealmName("ResetFlow staff");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws IOException {
        if (refused instanceof StaffSignInThrottle.TooManySignIns throttled) {
            throttled.answer(response);
        } else {
            basic.commence(request, response, refused);
        }
    }
}
