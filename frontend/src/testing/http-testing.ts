import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

/**
 * For a spec's describe block: a fresh TestBed with a test HTTP backend before each test (and no
 * saved language), and a check after each that every expected call was made. Returns the controller.
 */
export function useHttpTesting(): () => HttpTestingController {
  let http: HttpTestingController;
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());
  return () => http;
}
